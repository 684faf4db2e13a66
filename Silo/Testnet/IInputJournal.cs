namespace HarmonySim.Silo.Testnet;

/// <summary>
/// The testnet's input journal: every transaction a shard's pool accepted from outside, with the virtual time it
/// entered, in order. The config and the journal determine the chain, so a start with the same journal replays it
/// and reaches the same head, balances and validators. Kept in the data folder (<see cref="FileInputJournal"/>) or,
/// when the cluster storage is configured, in Azure Blob storage (<see cref="BlobInputJournal"/>).
/// </summary>
public interface IInputJournal : IAsyncDisposable
{
    /// <summary>What the journal held when it was opened, in order.</summary>
    IReadOnlyList<JournalEntry> Recorded { get; }

    /// <summary>Where the journal lives, for the terminal (a path, or the storage account's blob URL without any secret).</summary>
    string Location { get; }

    /// <summary>Buffers an entry; nothing is durable before <see cref="FlushAsync"/>.</summary>
    void Append(JournalEntry entry);

    /// <summary>
    /// Makes what was appended durable; called before the senders are answered. Throws
    /// <see cref="JournalStorageException"/> when the storage cannot take it (the testnet then stops).
    /// </summary>
    Task FlushAsync(CancellationToken cancellation);
}
