namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>Which slashing rule applies (reference §5.2).</summary>
public enum SlashRule
{
    /// <summary>Since January 2023: 50 % of self-delegation, delegators 80 % of that pro rata, half to the leader.</summary>
    Current,

    /// <summary>
    /// 2020–2022: rate = Σ group shares (share of the committee's external stake) of the keys double-signed at the same moment
    /// (floor 2 %, no cap) on every delegation, half of each payment to the beneficiary.
    /// </summary>
    Rate2020,
}
