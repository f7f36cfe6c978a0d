namespace ServiceSharing.Domain.Calibrations;

/// <summary>Why an offset or a drift is undefined; constants so callers can test for them.</summary>
public static class CalibrationReasons
{
    public const string NoComparableCells = "no rating on a cell that at least one other reviewer also rated";

    public const string NotCalibrated =
        "not calibrated: took part in no revealed calibration round on a cell another reviewer also rated";
}
