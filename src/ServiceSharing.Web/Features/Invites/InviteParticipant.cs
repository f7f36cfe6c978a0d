using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Features.Sessions;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Invites;

/// <summary>SessionId, optional, also adds the participant to that review session.</summary>
public sealed record InviteParticipant(string? Name, string? Org, string? Role, Guid? SessionId = null);

public sealed record InviteIssued(Guid ParticipantId, string Token, string JoinUrl, DateTimeOffset ExpiresAt)
    : CreationResponse($"/api/participants/{ParticipantId}");

/// <summary>
/// Facilitators invite; before anyone can sign in, a script holding the configured admin key can too.
/// The answer carries the participant's token and a join link that signs them in.
/// </summary>
public static class InviteParticipantEndpoint
{
    public const string AdminKeyHeader = AdminKey.Header;

    public static ProblemDetails Validate(InviteParticipant? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        var errors = new RequestErrors()
            .RequiredText("name", command.Name, RequestErrors.NameMax)
            .When(!OrgsAndRoles.TryParseOrg(command.Org, out var org), "org", "'org' must be one of city, county, wpf.")
            .When(!OrgsAndRoles.TryParseRole(command.Role, out var role), "role", "'role' must be one of reviewer, facilitator, observer.");
        errors.When(role == Role.Reviewer && org == Org.Wpf && command.Org is not null, "org",
            "Reviewers rate for a government: 'org' must be city or county.");
        return errors.ToProblem();
    }

    /// <summary>An invite into a session writes the session as every session command does: under the locks of the
    /// assessment and then the session, so it neither loses a concurrent change of the session nor waits in a circle.</summary>
    public static Task<SessionStreams?> LoadAsync(InviteParticipant command, IDocumentSession session, CancellationToken cancellation) =>
        command.SessionId is { } sessionId ? SessionStreams.LockAsync(session, sessionId, cancellation) : Task.FromResult<SessionStreams?>(null);

    public static ProblemDetails Before(InviteParticipant command, SessionStreams? streams, HttpContext context, IOptions<ServiceSharingOptions> options) =>
        command.SessionId is { } sessionId && streams is null
            ? Refusals.NotFound($"No session '{sessionId}'.")
            : AdminKey.FacilitatorOrAdminKey(context, options.Value.AdminKey, "Only facilitators invite participants.");

    [WolverinePost("/api/invites"), AllowAnonymous]
    public static (InviteIssued, IStartStream) Post(
        InviteParticipant command, HttpContext context, TokenIssuer issuer, IOptions<ServiceSharingOptions> options, TimeProvider clock,
        [NotBody] SessionStreams? streams)
    {
        var invited = Decide(Guid.NewGuid(), command, clock.GetUtcNow().AddDays(options.Value.InviteDays));
        var participant = new Participant();
        participant.Apply(invited);
        streams?.Session.AppendOne(new ParticipantInvitedToSession(participant.Id, participant.Name, participant.Org, participant.Role));

        var token = issuer.Issue(participant);
        var origin = options.Value.PublicUrl?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}";
        // The token rides in the fragment: browsers never send it to the server, so it stays out of access logs.
        var joinUrl = $"{origin}/join.html#token={Uri.EscapeDataString(token)}";
        return (new InviteIssued(participant.Id, token, joinUrl, participant.ExpiresAt),
            MartenOps.StartStream<Participant>(participant.Id, invited));
    }

    public static ParticipantInvited Decide(Guid participantId, InviteParticipant command, DateTimeOffset expiresAt)
    {
        OrgsAndRoles.TryParseOrg(command.Org, out var org);
        OrgsAndRoles.TryParseRole(command.Role, out var role);
        return new ParticipantInvited(participantId, command.Name!.Trim(), org, role, expiresAt);
    }
}
