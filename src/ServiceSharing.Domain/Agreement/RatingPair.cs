namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The two raters' values for one unit, e.g. the City and the County value of one service area on
/// one factor. Either may be null (not rated). Values may be half steps such as 2.5 when a side's
/// value is the median of several reviewers.
/// </summary>
public readonly record struct RatingPair(double? First, double? Second);
