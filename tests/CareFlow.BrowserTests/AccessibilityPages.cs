namespace CareFlow.BrowserTests;

/// <summary>
/// The main pages the accessibility check visits. <c>{caseId}</c> and <c>{instanceId}</c> are replaced with demo
/// data from <see cref="AccessibilityAppFixture"/>. Pages built on another branch (/, /clients, /cases/{caseId})
/// are added here once merged: one line each.
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
        // After merging the pages branch: ("dashboard", "/", Coordinator), ("clients", "/clients", Coordinator), ("case", "/cases/{caseId}", Coordinator).
    ];

    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];
}
