namespace HarmonySim.Protocol.Staking.State;

/// <summary>A validator's commission as exact fractions of 1 (reference §4.1, §4.2): current rate, its ceiling, and how far it may move per epoch.</summary>
public sealed record CommissionRates(decimal Rate, decimal MaxRate, decimal MaxChangeRate)
{
    /// <summary>The first §4.2 bound broken, as (field, reason): 0 ≤ Rate ≤ MaxRate ≤ 1, 0 ≤ MaxChangeRate ≤ MaxRate.</summary>
    public (string Field, string Reason)? FirstViolation()
    {
        if (Rate < 0m) return ("CommissionRates.Rate", $"{Rate} is negative");
        if (MaxRate < 0m) return ("CommissionRates.MaxRate", $"{MaxRate} is negative");
        if (MaxChangeRate < 0m) return ("CommissionRates.MaxChangeRate", $"{MaxChangeRate} is negative");
        if (MaxRate > 1m) return ("CommissionRates.MaxRate", $"{MaxRate} exceeds 1");
        if (Rate > MaxRate) return ("CommissionRates.Rate", $"{Rate} exceeds MaxRate {MaxRate}");
        if (MaxChangeRate > MaxRate) return ("CommissionRates.MaxChangeRate", $"{MaxChangeRate} exceeds MaxRate {MaxRate}");
        return null;
    }
}
