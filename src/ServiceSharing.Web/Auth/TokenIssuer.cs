using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Auth;

public sealed class TokenIssuer(TokenKeys keys)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(Participant participant) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TokenKeys.Issuer,
        Audience = TokenKeys.Audience,
        Expires = participant.ExpiresAt.UtcDateTime,
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Subject = new ClaimsIdentity(
        [
            new Claim(ParticipantClaims.Id, participant.Id.ToString()),
            new Claim(ParticipantClaims.Name, participant.Name),
            new Claim(ParticipantClaims.Org, participant.Org.Key()),
            new Claim(ParticipantClaims.Role, participant.Role.Key())
        ]),
        SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256)
    });
}
