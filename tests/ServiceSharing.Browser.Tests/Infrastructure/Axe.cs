using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace ServiceSharing.Browser.Tests.Infrastructure;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now.</summary>
public static class Axe
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }
    };

    public static async Task ExpectNoViolationsAsync(IPage page, string view)
    {
        var result = await page.RunAxe(WcagAa);
        var found = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        found.ShouldBeEmpty($"axe found WCAG A/AA violations on the {view} view");
    }
}
