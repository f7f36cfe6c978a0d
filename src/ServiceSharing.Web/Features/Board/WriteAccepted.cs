namespace ServiceSharing.Web.Features.Board;

/// <summary>The answer to every accepted change of a board: the version the assessment is now at.</summary>
public sealed record WriteAccepted(long Version);
