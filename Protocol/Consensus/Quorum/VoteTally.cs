using HarmonySim.Protocol.Crypto;

namespace HarmonySim.Protocol.Consensus.Quorum;

/// <summary>Votes collected for one block in one phase: who signed, their aggregate, and whether quorum is reached.</summary>
public sealed class VoteTally
{
    private readonly Committee _committee;
    private readonly SignerBitmapBuilder _signers;
    private readonly ISignatureAccumulator _aggregate;

    public VoteTally(Committee committee)
    {
        _committee = committee;
        _signers = new SignerBitmapBuilder(committee.Count);
        _aggregate = committee.Scheme.CreateAccumulator();
    }

    public long Power { get; private set; }
    public int Signers => _signers.Count;
    public bool HasQuorum => _committee.IsQuorum(Power, _signers.Count);
    public bool HasVoted(int index) => _signers[index];

    /// <summary>Adds a vote already verified to be by exactly <paramref name="members"/>; false if any member already voted.</summary>
    public bool Add(ReadOnlySpan<int> members, Signature signature)
    {
        foreach (var m in members)
            if (_signers[m]) return false;
        if (!_aggregate.Add(signature)) return false;
        foreach (var m in members)
        {
            _signers.Set(m);
            Power += _committee.PowerOf(m);
        }
        return true;
    }

    public SignerBitmap Bitmap => _signers.ToBitmap();
    public Signature Aggregate => _aggregate.ToSignature();
}
