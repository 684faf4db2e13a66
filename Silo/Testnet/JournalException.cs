namespace HarmonySim.Silo.Testnet;

/// <summary>The input journal cannot be replayed as it is; the message names the file, line and field.</summary>
public sealed class JournalException(string message) : Exception(message);
