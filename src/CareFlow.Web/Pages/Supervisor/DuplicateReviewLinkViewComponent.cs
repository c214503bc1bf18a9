using CareFlow.Core.Care.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CareFlow.Web.Pages.Supervisor;

/// <summary>The navigation's link to the duplicate-review queue with its open count; the layout shows it to supervisors and admins.</summary>
public sealed class DuplicateReviewLinkViewComponent(DuplicateReviews queue) : ViewComponent
{
    public const string Path = "/supervisor/duplicates";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var open = await queue.CountOpenAsync(HttpContext.RequestAborted);
        var link = new TagBuilder("a");
        link.Attributes["href"] = Path;
        link.Attributes["aria-current"] = HttpContext.Request.Path.StartsWithSegments(Path) ? "page" : "false";
        link.InnerHtml.Append($"Duplicate reviews ({open})");
        var item = new TagBuilder("li");
        item.InnerHtml.AppendHtml(link);
        return new HtmlContentViewComponentResult(item);
    }
}
