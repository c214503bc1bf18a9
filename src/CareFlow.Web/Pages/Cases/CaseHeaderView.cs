using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;

namespace CareFlow.Web.Pages.Cases;

/// <summary>What the case header partial shows.</summary>
public sealed record CaseHeaderView(Case Case, Client Client, string? Subtitle);
