namespace ServiceSharing.Web.Auth;

/// <summary>The "ServiceSharing" configuration section.</summary>
public sealed class ServiceSharingOptions
{
    public const string Section = "ServiceSharing";

    /// <summary>Lets scripts create the first facilitator invite before anyone can sign in.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Signs the participants' tokens; derived from the admin key when not set, so restarts keep tokens valid.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where join links point; the request's own origin when not set.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long an invite's token signs its participant in (ServiceSharing:InviteDays); the invite shows the end.</summary>
    public int InviteDays { get; set; } = 14;

    /// <summary>ServiceSharing:RateLimits: per-participant writes, per-address requests without a token, wrong admin keys.</summary>
    public Security.RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Loads the study from the seed into an empty database at start.</summary>
    public bool SeedStudy { get; set; } = true;
}
