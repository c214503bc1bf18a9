namespace CareFlow.BrowserTests;

/// <summary>
/// The main pages the accessibility check visits. <c>{caseId}</c> and <c>{instanceId}</c> are replaced with demo
/// data from <see cref="AccessibilityAppFixture"/>. A new page gets one line here.
/// </summary>
public static class AccessibilityPages
{
    /// <summary>Name (also the screenshot's file name: page-&lt;name&gt;.png), path, and who views it (null: signed out).</summary>
    public static IReadOnlyList<(string Name, string Path, string? User)> All { get; } =
    [
        ("sign-in", "/account/sign-in", null),
        ("rights", "/cases/{caseId}/rights", AccessibilityAppFixture.CoordinatorUser),
        ("tasks", "/tasks", AccessibilityAppFixture.CoordinatorUser),
        ("tasks-supervisor", "/tasks", AccessibilityAppFixture.SupervisorUser),
        ("directory", "/directory", AccessibilityAppFixture.CoordinatorUser),
        ("directory-import", "/directory/import", AccessibilityAppFixture.SupervisorUser),
        ("barriers", "/reports/barriers", AccessibilityAppFixture.CoordinatorUser),
        ("instances", "/instances", AccessibilityAppFixture.CoordinatorUser),
        ("instance", "/instances/{instanceId}", AccessibilityAppFixture.CoordinatorUser),
        ("dashboard", "/", AccessibilityAppFixture.CoordinatorUser),
        ("dashboard-supervisor", "/", AccessibilityAppFixture.SupervisorUser),
        ("clients", "/clients", AccessibilityAppFixture.CoordinatorUser),
        ("intake", "/clients/new", AccessibilityAppFixture.CoordinatorUser),
        ("case", "/cases/{caseId}", AccessibilityAppFixture.CoordinatorUser),
        ("consents", "/cases/{caseId}/consents", AccessibilityAppFixture.CoordinatorUser),
        ("new-referral", "/cases/{caseId}/referrals/new", AccessibilityAppFixture.CoordinatorUser),
        ("intake-supervisor", "/clients/new", AccessibilityAppFixture.SupervisorUser),
        ("case-supervisor", "/cases/{caseId}", AccessibilityAppFixture.SupervisorUser),
        ("reassign", "/cases/{caseId}/assign", AccessibilityAppFixture.SupervisorUser),
        ("duplicates", "/supervisor/duplicates", AccessibilityAppFixture.SupervisorUser),
    ];

    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];
}
