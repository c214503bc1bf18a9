using CareFlow.Workflows.Definitions;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>
/// The <c>{definitionId}</c> and <c>{id}</c> of a definition route must be an id a save could have stored
/// (<see cref="DefinitionTextRules.IdPattern"/>); anything else (NUL, control, bidi or zero-width characters,
/// over-long ids) is answered 404 before it reaches the store, so no database sees it.
/// </summary>
internal static class DefinitionRouteIds
{
    private static readonly string[] RouteIdNames = ["definitionId", "id"];

    public static TBuilder RefuseMalformedIds<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var name in RouteIdNames)
            {
                if (context.HttpContext.Request.RouteValues.TryGetValue(name, out var value) && !DefinitionTextRules.IsValidId(value as string))
                    return StudioRequests.Problem(StatusCodes.Status404NotFound, $"No workflow definition with that {name}: ids match {DefinitionTextRules.IdPattern}.");
            }
            return await next(context);
        });
}
