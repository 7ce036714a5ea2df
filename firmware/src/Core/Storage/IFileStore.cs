namespace OneStop.Feedback.Firmware.Core.Storage
{
    /// <summary>
    /// The flash file system as the outbox needs it. The nanoFramework app implements it with System.IO.File on
    /// "I:\", the host with a directory, tests with an in-memory store that can cut power mid-write.
    /// </summary>
    public interface IFileStore
    {
        bool Exists(string name);

        /// <summary>Length in bytes, 0 when the file does not exist.</summary>
        long Length(string name);

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>; returns how many were read.</summary>
        int ReadAt(string name, long position, byte[] buffer, int offset, int count);

        /// <summary>Appends bytes, creating the file if needed. A power cut may leave any prefix of them written.</summary>
        void Append(string name, byte[] data, int offset, int count);

        /// <summary>
        /// Replaces <paramref name="targetName"/> with <paramref name="sourceName"/>, ideally by an atomic rename. A
        /// store that cannot rename over a file may delete the target and then move the source: the Core always uses
        /// target + ".tmp" as source and finishes such an interrupted replace itself (<see cref="AtomicFile.Recover"/>).
        /// </summary>
        void Replace(string sourceName, string targetName);

        /// <summary>Deletes a file; no error when it does not exist.</summary>
        void Delete(string name);
    }
}
