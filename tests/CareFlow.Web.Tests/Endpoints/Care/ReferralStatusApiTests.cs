using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Referrals;
using CareFlow.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Endpoints.Care;

/// <summary>Referral status changes through <c>/api</c> follow the Task state machine: a backward move answers 409 and changes nothing.</summary>
public sealed class ReferralStatusApiTests(CareFlowApp<CoordinatorPagesApp> app) : IClassFixture<CareFlowApp<CoordinatorPagesApp>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ReferralTaskStatus.Requested, "Draft", "Requester")]
    [InlineData(ReferralTaskStatus.Accepted, "Draft", "Requester")]
    [InlineData(ReferralTaskStatus.Accepted, "Requested", "Requester")]
    [InlineData(ReferralTaskStatus.InProgress, "Accepted", "Performer")]
    [InlineData(ReferralTaskStatus.Completed, "InProgress", "Performer")]
    public async Task IllegalTransition_Answers409_AndChangesNothing(ReferralTaskStatus current, string asked, string party)
    {
        var referralId = await SeedReferralAsync(current);
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var response = await ann.PostAsJsonAsync($"/api/referrals/{referralId}/status", new { status = asked, party }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(text)!["errors"]!["status"]);
        var after = await ReferralAsync(referralId);
        Assert.Equal(current, after.Status);
        Assert.Equal(0, await app.CountAsync<CaseEvent>(q => q.Where(e => e.CaseId == after.CaseId && e.Kind == "referral-status")));
    }

    [Fact]
    public async Task LegalTransition_IsRecorded()
    {
        var referralId = await SeedReferralAsync(ReferralTaskStatus.Requested);
        using var ann = await app.SignInAsync(CoordinatorPagesApp.Ann, Ct);
        using var response = await ann.PostAsJsonAsync($"/api/referrals/{referralId}/status", new { status = "Accepted", party = "Performer" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReferralTaskStatus.Accepted, (await ReferralAsync(referralId)).Status);
    }

    private async Task<Guid> SeedReferralAsync(ReferralTaskStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        var now = DateTimeOffset.UtcNow;
        var client = new Client
        {
            Id = Guid.NewGuid(), GivenName = "Rae", FamilyName = "Ferral", NormalizedName = "rae ferral", DateOfBirth = new DateOnly(1985, 5, 5), CreatedAt = now,
        };
        var @case = new Case
        {
            Id = Guid.NewGuid(), ClientId = client.Id, CoordinatorId = CoordinatorPagesApp.Ann, CoordinatorName = CoordinatorPagesApp.Ann,
            Stage = CaseStage.Referral, Status = CaseStatus.Open, OpenedAt = now,
        };
        var referral = new Referral
        {
            Id = Guid.NewGuid(), Reference = "R-" + Guid.NewGuid().ToString("N")[..10], CaseId = @case.Id, ClientId = client.Id, Category = "housing",
            ServiceId = "svc", OrganizationId = "org", ConsentId = Guid.NewGuid(), RequestedAt = now, Status = status, LastModifiedAt = now,
        };
        data.Add(client);
        data.Add(@case);
        data.Add(referral);
        await data.SaveChangesAsync(Ct);
        return referral.Id;
    }

    private async Task<Referral> ReferralAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        return (await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.Id == id), Ct))!;
    }
}
