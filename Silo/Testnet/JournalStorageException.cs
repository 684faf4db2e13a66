namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The journal's storage cannot be reached, refuses access, or was written by another process meanwhile: unlike a
/// <see cref="JournalException"/> the journal itself is sound, and the same start may work once the storage is back
/// (exit 4). The message is one line naming the storage, never a secret.
/// </summary>
public sealed class JournalStorageException : Exception
{
    public JournalStorageException() { }

    public JournalStorageException(string message) : base(message) { }

    public JournalStorageException(string message, Exception inner) : base(message, inner) { }
}
