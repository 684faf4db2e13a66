using HarmonySim.Simulation.Testnet;

namespace HarmonySim.Silo.Testnet.Rpc;

/// <summary>
/// Harmony's words for a validator's election and activity (<c>epos-status</c>, <c>booted-status</c>,
/// <c>active-status</c> of hmyv2_getValidatorInformation), one reading for the RPC and the dashboard's validators.
/// </summary>
public static class EposWords
{
    public const string Elected = "currently elected";
    public const string Eligible = "eligible to be elected next epoch";
    public const string NotEligible = "not eligible to be elected next epoch";

    public static string Status(ValidatorView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.InCommittee ? Elected : v.ElectedNext ? Eligible : NotEligible;
    }

    /// <summary>Why the validator is out of the running (jailed or banned), or null when it is active.</summary>
    public static string? Booted(ValidatorView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.Status switch
        {
            "banned" => "banned forever from network: double signing",
            "inactive" => "not active: booted for insufficient signing or turned off by the validator",
            _ => null,
        };
    }

    public static string Active(ValidatorView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.Status == "active" ? "active" : "inactive";
    }
}
