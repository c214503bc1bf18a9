using CareFlow.Core.Email;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Email;

/// <summary>Coordinator addresses from <c>Email:CoordinatorAddresses:{userName}</c>.</summary>
public sealed class ConfigurationCoordinatorAddressBook(IOptions<EmailOptions> options) : ICoordinatorAddressBook
{
    public Task<string?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Value.CoordinatorAddresses.TryGetValue(userName, out var address) && !string.IsNullOrWhiteSpace(address) ? address : null);
}
