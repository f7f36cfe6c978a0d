namespace ServiceSharing.Domain.Rubric;

/// <summary>The organisations at the table: the two governments and the facilitator (Wisconsin Policy Forum).</summary>
public enum Org
{
    City,
    County,
    Wpf
}

/// <summary>What a participant may do: reviewers rate for their own org, facilitators decide, observers read.</summary>
public enum Role
{
    Reviewer,
    Facilitator,
    Observer
}

public static class OrgsAndRoles
{
    public static string Key(this Org org) => org.ToString().ToLowerInvariant();

    public static string Key(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParseOrg(string? text, out Org org) => TryParseKey(text, out org);

    public static bool TryParseRole(string? text, out Role role) => TryParseKey(text, out role);

    private static bool TryParseKey<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
