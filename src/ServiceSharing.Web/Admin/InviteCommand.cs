using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.Options;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Web.Admin;

public sealed class InviteInput : NetCoreInput
{
    [Description("The person's name")]
    public string Name { get; set; } = "";

    [Description("city, county or wpf")]
    public string Org { get; set; } = "";

    [Description("reviewer, facilitator or observer")]
    public string Role { get; set; } = "";
}

[Description("Invites a participant and prints their join link (what POST /api/invites does with the admin key)", Name = "invite")]
public sealed class InviteCommand : JasperFxAsyncCommand<InviteInput>
{
    /// <summary>Where run.sh serves the app when neither ServiceSharing:PublicUrl nor ASPNETCORE_URLS says otherwise.</summary>
    public const string DefaultOrigin = "http://127.0.0.1:5080";

    public override async Task<bool> Execute(InviteInput input)
    {
        var command = new InviteParticipant(input.Name, input.Org, input.Role);
        if (InviteParticipantEndpoint.Validate(command) is HttpValidationProblemDetails { Errors: var errors })
        {
            foreach (var (field, messages) in errors)
            {
                await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }

            return false;
        }

        using var host = input.BuildHost();
        var options = host.Services.GetRequiredService<IOptions<ServiceSharingOptions>>().Value;
        var invited = InviteParticipantEndpoint.Decide(Guid.NewGuid(), command, TimeProvider.System.GetUtcNow().AddDays(options.InviteDays));
        var participant = new Participant();
        participant.Apply(invited);

        await using (var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<Participant>(participant.Id, invited);
            await session.SaveChangesAsync();
        }

        var token = host.Services.GetRequiredService<TokenIssuer>().Issue(participant);
        var origin = (options.PublicUrl ?? FirstUrl(host.Services.GetRequiredService<IConfiguration>()) ?? DefaultOrigin).TrimEnd('/');
        Console.WriteLine($"{origin}/join.html#token={Uri.EscapeDataString(token)}");
        return true;
    }

    private static string? FirstUrl(IConfiguration configuration) =>
        configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?.Replace("://0.0.0.0", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1");
}
