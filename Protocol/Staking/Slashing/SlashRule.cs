namespace HarmonySim.Protocol.Staking.Slashing;

/// <summary>Which slashing rule applies (reference §5.2).</summary>
public enum SlashRule
{
    /// <summary>Since January 2023: 50 % of self-delegation, delegators 80 % of that pro rata, half to the leader.</summary>
    Current,

    /// <summary>2020–2022: rate = Σ vote shares of the double-signed keys (floor 2 %) on every delegation, half to the beneficiary.</summary>
    Rate2020,
}
