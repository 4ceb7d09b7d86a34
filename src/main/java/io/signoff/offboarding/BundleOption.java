package io.signoff.offboarding;

import java.util.Objects;

/**
 * One option of a provider-side offboarding job (CIPP ExecOffboardUser), as the wizard shows it.
 *
 * @param name        the provider's own option name, sent as is (e.g. "ConvertToShared")
 * @param label       what the operator reads
 * @param type        how the value is entered
 * @param description one sentence on what it does, shown as a hint
 */
public record BundleOption(String name, String label, Type type, String description) {

    /**
     * FLAG: yes/no. TEXT: free text (OOO message). PERSON: one colleague (forwarding). PEOPLE: several colleagues.
     * CHANNELS: some of {@link BundleOptions#NOTIFY_CHANNELS} (CIPP's notifications once the job has run).
     */
    public enum Type { FLAG, TEXT, PERSON, PEOPLE, CHANNELS }

    public BundleOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }
}
