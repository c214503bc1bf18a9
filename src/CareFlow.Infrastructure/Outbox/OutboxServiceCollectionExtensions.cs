using CareFlow.Core.Configuration;
using CareFlow.Core.Email;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>Registers the email outbox: templates, coordinator reminders and addresses, the port, the dispatcher, its in-process pump and Hangfire job, the sweep.</summary>
public static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddCareFlowOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection(EmailOptions.SectionName);
        CheckEmailSettings(email);
        services.Configure<EmailOptions>(email);
        services.PostConfigure<EmailOptions>(o => o.SenderAddress = string.IsNullOrEmpty(o.SenderAddress)
            ? SenderFromSmtp(configuration[$"{SmtpOptions.SectionName}:From"]) : o.SenderAddress);
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.SectionName));
        services.AddSingleton<EmailTemplates>();
        services.Configure<Core.Reminders.ReminderOptions>(configuration.GetSection(Core.Reminders.ReminderOptions.SectionName));
        services.AddScoped<ConfigurationCoordinatorAddressBook>();
        services.AddScoped<ICoordinatorAddressBook, AccountCoordinatorAddressBook>();
        services.AddSingleton<OutboxPause>();
        services.AddSingleton<OutboxPump>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxPump>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPump>());
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddScoped<IEmailOutbox, EfEmailOutbox>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxDispatchJob>();
        services.AddScoped<OutboxQueries>();
        services.AddHostedService<OutboxRecoveryService>();
        services.AddHealthChecks().AddCheck<Health.OutboxPauseHealthCheck>("outbox");
        return services;
    }

    private static string? SenderFromSmtp(string? from) =>
        !string.IsNullOrEmpty(from) && MailboxAddress.TryParse(from, out var mailbox) ? mailbox.Address : null;

    /// <summary>The sender's name and footer must not reveal an SUD service; a wrong time zone would fail every email.</summary>
    private static void CheckEmailSettings(IConfigurationSection email)
    {
        foreach (var key in new[] { nameof(EmailOptions.OrganizationName), nameof(EmailOptions.Footer), nameof(EmailOptions.SenderAddress) })
        {
            if (SensitiveTerms.Find(email[key]) is { } term)
            {
                throw new CareFlowConfigurationException($"{email.Path}:{key} must not name an addiction or substance-use service (found \"{term}\"): emails to providers would disclose it.");
            }
        }

        if (email[nameof(EmailOptions.TimeZone)] is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new CareFlowConfigurationException($"{email.Path}:{nameof(EmailOptions.TimeZone)} is not a known time zone (got \"{zone}\").");
        }

        if (email[nameof(EmailOptions.PublicBaseUrl)] is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new CareFlowConfigurationException($"{email.Path}:{nameof(EmailOptions.PublicBaseUrl)} must be an absolute http(s) URL (got \"{url}\").");
        }
    }
}
