using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Hosting;

public sealed class HostingTests(SharedApp shared)
{
    [Fact]
    public async Task health_answers_when_the_database_does()
    {
        using var client = shared.App.Anonymous();
        var response = await client.GetAsync("/health");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_openapi_document_lists_the_api_and_a_browsable_ui_is_served()
    {
        using var client = shared.App.Anonymous();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/assessments/{id}/ratings");
        paths.ShouldContain("/api/assessments/{id}/diff");
        paths.ShouldContain("/api/invites");

        var ui = await client.GetAsync("/docs");
        ui.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await ui.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }
}
