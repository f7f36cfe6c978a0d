namespace ServiceSharing.Web.Security;

/// <summary>
/// ServiceSharing:RateLimits. The defaults are far above what a person in a workshop does (a rating every few seconds,
/// a page of a few dozen calls) and still stop a runaway script or a guessing loop. Enabled=false turns every limit
/// off, for load tests.
/// </summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained writes (POST, PUT, PATCH, DELETE under /api) one participant may make.</summary>
    public int ParticipantWritesPerMinute { get; set; } = 600;

    /// <summary>Writes one participant may make at once before the sustained rate applies.</summary>
    public int ParticipantWriteBurst { get; set; } = 120;

    /// <summary>Sustained requests from one client address without a valid token (admin-key calls, failed sign-ins).</summary>
    public int AddressRequestsPerMinute { get; set; } = 1200;

    /// <summary>Requests without a valid token one client address may make at once.</summary>
    public int AddressBurst { get; set; } = 600;

    /// <summary>Wrong admin keys one client address may send per minute; after that the key is not even compared.</summary>
    public int WrongAdminKeysPerMinute { get; set; } = 10;
}
