using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ServiceSharing.Web.Auth;

/// <summary>The one symmetric key that signs and validates participant tokens.</summary>
public sealed class TokenKeys
{
    public const string Issuer = "servicesharing";
    public const string Audience = "servicesharing-participants";

    public TokenKeys(IOptions<ServiceSharingOptions> options)
    {
        var secret = options.Value.SigningKey is { Length: > 0 } configured
            ? configured
            : "token-key:" + (options.Value.AdminKey ?? throw new InvalidOperationException(
                $"Set {ServiceSharingOptions.Section}:AdminKey (env ServiceSharing__AdminKey) or {ServiceSharingOptions.Section}:SigningKey."));

        // Hashing stretches any configured secret to the 256 bits HMAC-SHA256 wants.
        Key = new SymmetricSecurityKey(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    public SymmetricSecurityKey Key { get; }
}
