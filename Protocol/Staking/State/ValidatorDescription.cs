namespace HarmonySim.Protocol.Staking.State;

/// <summary>A validator's description (reference §4.1): Name, Identity, Website, SecurityContact ≤ 140 characters, Details ≤ 280.</summary>
public sealed record ValidatorDescription(
    string Name,
    string Identity = "",
    string Website = "",
    string SecurityContact = "",
    string Details = "")
{
    public const int MaxNameLength = 140;
    public const int MaxIdentityLength = 140;
    public const int MaxWebsiteLength = 140;
    public const int MaxSecurityContactLength = 140;
    public const int MaxDetailsLength = 280;

    /// <summary>
    /// This description edited by <paramref name="edit"/>: each non-empty field of the edit replaces ours, an empty
    /// one keeps ours (Harmony's <c>UpdateDescription</c>), so an edit cannot clear a field, only overwrite it.
    /// </summary>
    public ValidatorDescription MergedWith(ValidatorDescription edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return new(
            Pick(edit.Name, Name),
            Pick(edit.Identity, Identity),
            Pick(edit.Website, Website),
            Pick(edit.SecurityContact, SecurityContact),
            Pick(edit.Details, Details));

        static string Pick(string? edited, string current) => string.IsNullOrEmpty(edited) ? current : edited;
    }

    /// <summary>The first field over its limit, as (field, reason), or null when all fit.</summary>
    public (string Field, string Reason)? FirstViolation()
    {
        (string Field, string Value, int Max)[] fields =
        [
            ("Description.Name", Name, MaxNameLength),
            ("Description.Identity", Identity, MaxIdentityLength),
            ("Description.Website", Website, MaxWebsiteLength),
            ("Description.SecurityContact", SecurityContact, MaxSecurityContactLength),
            ("Description.Details", Details, MaxDetailsLength),
        ];
        foreach (var (field, value, max) in fields)
        {
            if (value is null) return (field, "is missing");
            if (value.Length > max) return (field, $"has {value.Length} characters, at most {max} allowed");
        }
        return null;
    }
}
