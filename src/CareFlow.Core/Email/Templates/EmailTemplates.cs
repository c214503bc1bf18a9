using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareFlow.Core.Email.Templates;

/// <summary>
/// The email templates, as code so that encoding is not optional: every value goes through <see cref="Line"/>
/// (one line, no control characters) and is HTML-encoded in the HTML part. Provider emails carry only the program
/// name, the opaque reference, the due date and the link.
/// </summary>
public sealed class EmailTemplates(IOptions<EmailOptions> options)
{
    private const string NeutralProgram = "your program";

    public RenderedEmail NewReferral(ProviderReferralModel model) => Provider(
        EmailTemplateNames.NewReferral, model,
        $"New referral {Line(model.Reference)}",
        "A new referral is waiting for your response.",
        [$"{Organization} has sent a referral to {Program(model.ProgramName)}.", "Please open the secure link to review it and respond."]);

    public RenderedEmail ProviderReminder(ProviderReferralModel model) => Provider(
        EmailTemplateNames.ProviderReminder, model,
        $"Reminder: referral {Line(model.Reference)} awaits your response",
        "A referral is still waiting for your response.",
        [$"A referral sent to {Program(model.ProgramName)} is still waiting for your response.", "Please open the secure link to review it and respond."]);

    public RenderedEmail ReferralCancelled(ProviderReferralModel model) => Provider(
        EmailTemplateNames.ReferralCancelled, model with { Link = "" },
        $"Referral {Line(model.Reference)} was withdrawn",
        "A referral has been withdrawn; no action is needed.",
        [$"The referral {Line(model.Reference)} to {Program(model.ProgramName)} has been withdrawn.", "No action is needed, and the link you received for it no longer works."]);

    public RenderedEmail OneTimeCode(string code, TimeSpan validFor)
    {
        var minutes = ((int)Math.Ceiling(validFor.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        string[] paragraphs = [$"Your verification code is {Line(code)}.", $"It expires in {minutes} minutes. If you did not ask for it, ignore this email."];
        return Render(EmailTemplateNames.OneTimeCode, "Your verification code", "Your verification code", paragraphs, link: null, linkLabel: null);
    }

    public RenderedEmail CoordinatorEscalation(string reference, DateTimeOffset? dueAt, string caseLink)
    {
        string[] paragraphs = [$"The provider has not answered referral {Line(reference)}, which was due {Date(dueAt)}.", "A task to follow up is in your CareFlow inbox."];
        return Render(EmailTemplateNames.CoordinatorEscalation, $"No provider response to referral {Line(reference)}", "A referral needs your follow-up.", paragraphs, caseLink, "Open CareFlow");
    }

    /// <summary>A coordinator's task is due soon: the due time and a link to the task list, nothing about the client.</summary>
    public RenderedEmail TaskDueReminder(DateTimeOffset dueAt, string tasksLink)
    {
        string[] paragraphs = [$"A task in your CareFlow inbox is due {DateTime(dueAt)}.", "Open CareFlow to see it."];
        return Render(EmailTemplateNames.TaskDueReminder, "A CareFlow task is due soon", "A task in your inbox is due soon.", paragraphs, tasksLink, "Open your tasks");
    }

    /// <summary>A check-in is due: the due time and a link to the case (an opaque id), nothing about the client.</summary>
    public RenderedEmail CheckInReminder(DateTimeOffset dueAt, string caseLink)
    {
        string[] paragraphs = [$"A check-in on one of your cases is due {DateTime(dueAt)}.", "Open CareFlow to record it."];
        return Render(EmailTemplateNames.CheckInReminder, "A CareFlow check-in is due", "A check-in on one of your cases is due.", paragraphs, caseLink, "Open the case");
    }

    /// <summary>The sender mailbox: organisation name and configured address.</summary>
    public string From => $"\"{Organization.Replace("\"", "'", StringComparison.Ordinal)}\" <{Line(options.Value.SenderAddress is { Length: > 0 } a ? a : "careflow@localhost")}>";

    private string Organization => Line(options.Value.OrganizationName);

    private RenderedEmail Provider(string template, ProviderReferralModel model, string subject, string preheader, string[] paragraphs)
    {
        var withDue = model.ResponseDueAt is null ? paragraphs : [.. paragraphs, $"Please respond by {Date(model.ResponseDueAt)}."];
        var body = template == EmailTemplateNames.ReferralCancelled ? paragraphs : withDue;
        return Render(template, subject, preheader, [$"Reference: {Line(model.Reference)}", .. body], model.Link.Length == 0 ? null : model.Link, "Review the referral");
    }

    private RenderedEmail Render(string template, string subject, string preheader, string[] paragraphs, string? link, string? linkLabel)
    {
        var footer = Line(options.Value.Footer);
        var text = new StringBuilder();
        foreach (var paragraph in paragraphs) text.Append(paragraph).Append("\n\n");
        if (link is not null) text.Append(linkLabel).Append(": ").Append(link).Append("\n\n");
        text.Append("-- \n").Append(Organization).Append('\n').Append(footer).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(H(subject)).Append("</title></head><body style=\"font-family:sans-serif\">");
        html.Append("<span style=\"display:none;max-height:0;overflow:hidden\">").Append(H(preheader)).Append("</span>");
        foreach (var paragraph in paragraphs) html.Append("<p>").Append(H(paragraph)).Append("</p>");
        if (link is not null) html.Append("<p><a href=\"").Append(H(link)).Append("\">").Append(H(linkLabel!)).Append("</a></p>");
        html.Append("<hr><p style=\"color:#555;font-size:small\">").Append(H(Organization)).Append("<br>").Append(H(footer)).Append("</p></body></html>");
        return new RenderedEmail(template, EmailTemplateNames.Version, From, Line(subject), preheader, text.ToString(), html.ToString());
    }

    private static string Program(string programName)
    {
        var name = Line(programName);
        return name.Length == 0 || SensitiveTerms.Find(name) is not null ? NeutralProgram : name;
    }

    private string Date(DateTimeOffset? value)
    {
        if (value is null) return "as soon as possible";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        return TimeZoneInfo.ConvertTime(value.Value, zone).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    private string DateTime(DateTimeOffset value)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        return TimeZoneInfo.ConvertTime(value, zone).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({Line(options.Value.TimeZone)})";
    }

    /// <summary>One line of plain text: control characters (CR, LF, tabs, NUL) become spaces, runs of spaces collapse.</summary>
    public static string Line(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var chars = value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string H(string value) => WebUtility.HtmlEncode(value);
}
