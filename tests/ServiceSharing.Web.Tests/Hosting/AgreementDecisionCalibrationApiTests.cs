using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Hosting;

public sealed class AgreementDecisionCalibrationApiTests(SharedApp shared)
{
    [Fact]
    public async Task the_openapi_document_lists_agreement_decision_model_sensitivity_and_calibration()
    {
        using var client = shared.App.Anonymous();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        paths.ShouldContain("/api/assessments/{id}/agreement");
        paths.ShouldContain("/api/assessments/{id}/decision-model");
        paths.ShouldContain("/api/assessments/{id}/sensitivity");
        paths.ShouldContain("/api/assessments/{id}/calibrations");
        paths.ShouldContain("/api/assessments/{id}/calibrations/{roundId}");
        paths.ShouldContain("/api/assessments/{id}/calibrations/{roundId}/ratings");
        paths.ShouldContain("/api/assessments/{id}/calibrations/{roundId}/reveal");
        paths.ShouldContain("/api/assessments/{id}/calibrations/{roundId}/offsets");
        paths.ShouldContain("/api/assessments/{id}/calibrations/drift");
    }
}
