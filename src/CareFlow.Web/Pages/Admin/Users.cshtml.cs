using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Audit;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Web.Audit;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Web.Pages.Admin;

/// <summary>
/// <c>/admin/users</c>: list, create, change roles, lock, unlock, reset password; admins only. Each change and its
/// audit row commit in one transaction; a lock, a password reset or a role change also renews the user's security
/// stamp and deletes their server-side sessions, so their open sessions end at once.
/// </summary>
[Authorize(Policy = CareFlowPolicies.Admin)]
public sealed class UsersModel(CareFlowDbContext db, UserManager<IdentityUser> users, AuditLog audit, TimeProvider clock, SessionRegistry sessions) : PageModel
{
    public sealed record Row(IdentityUser User, IList<string> Roles, bool Locked);

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Enter a user name.")]
        [StringLength(64, ErrorMessage = "The user name must be at most 64 characters.")]
        [RegularExpression("^[A-Za-z0-9._@+-]+$", ErrorMessage = "The user name may contain letters, digits and . _ @ + - only.")]
        [Display(Name = "User name")]
        public string? UserName { get; set; }

        [EmailAddress(ErrorMessage = "Enter a valid email address, or leave it empty.")]
        [StringLength(256)]
        public string? Email { get; set; }

        public List<string> Roles { get; set; } = [];

        [Required(ErrorMessage = "Enter an initial password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Initial password")]
        public string? Password { get; set; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty]
    public CreateInput Create { get; set; } = new();

    /// <summary>The user a row action is for (hidden field).</summary>
    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? NewPassword { get; set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Errors of a row action, shown next to that row.</summary>
    public Dictionary<string, string> RowErrors { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        ModelState.Clear();
        if (!TryValidateModel(Create, nameof(Create)))
            return await PageAsync();
        var roles = CleanRoles(Create.Roles, nameof(Create) + "." + nameof(CreateInput.Roles));
        if (!ModelState.IsValid)
            return await PageAsync();
        var userName = Create.UserName!.Trim();
        if (await users.FindByNameAsync(userName) is not null)
        {
            ModelState.AddModelError("Create.UserName", "A user with this name already exists.");
            return await PageAsync();
        }
        var user = new IdentityUser(userName) { Email = string.IsNullOrWhiteSpace(Create.Email) ? null : Create.Email.Trim() };
        return await InTransactionAsync(user, "create", async () =>
        {
            var result = await users.CreateAsync(user, Create.Password!);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors)
                    ModelState.AddModelError(e.Code.Contains("Password", StringComparison.Ordinal) ? "Create.Password" : "Create.UserName", e.Description);
                return false;
            }
            return roles.Count == 0 || Ok(await users.AddToRolesAsync(user, roles), "Create.Roles");
        }, $"User {userName} created.");
    }

    public async Task<IActionResult> OnPostRolesAsync()
    {
        if (await TargetAsync() is not { } user) return NotFound();
        var roles = CleanRoles(Roles, user.Id);
        if (user.UserName == User.Identity?.Name && !roles.Contains(CareFlowRoles.Admin))
            AddRowError(user.Id, "You cannot remove your own admin role.");
        if (!ModelState.IsValid || RowErrors.Count > 0)
            return await PageAsync();
        return await InTransactionAsync(user, "roles", async () =>
        {
            var current = await users.GetRolesAsync(user);
            var remove = current.Except(roles, StringComparer.Ordinal).ToList();
            var add = roles.Except(current, StringComparer.Ordinal).ToList();
            return (remove.Count == 0 || Ok(await users.RemoveFromRolesAsync(user, remove), user.Id))
                && (add.Count == 0 || Ok(await users.AddToRolesAsync(user, add), user.Id))
                && Ok(await users.UpdateSecurityStampAsync(user), user.Id)
                && await EndSessionsAsync(user);
        }, $"Roles of {user.UserName} changed; their open sessions end.");
    }

    public async Task<IActionResult> OnPostLockAsync()
    {
        if (await TargetAsync() is not { } user) return NotFound();
        if (user.UserName == User.Identity?.Name)
        {
            AddRowError(user.Id, "You cannot lock your own account.");
            return await PageAsync();
        }
        return await InTransactionAsync(user, "lock", async () =>
            Ok(await users.SetLockoutEnabledAsync(user, true), user.Id)
            && Ok(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), user.Id)
            && Ok(await users.UpdateSecurityStampAsync(user), user.Id)
            && await EndSessionsAsync(user), $"{user.UserName} locked; their open sessions end.");
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        if (await TargetAsync() is not { } user) return NotFound();
        return await InTransactionAsync(user, "unlock", async () =>
            Ok(await users.SetLockoutEndDateAsync(user, null), user.Id)
            && Ok(await users.ResetAccessFailedCountAsync(user), user.Id), $"{user.UserName} unlocked.");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync()
    {
        if (await TargetAsync() is not { } user) return NotFound();
        if (string.IsNullOrEmpty(NewPassword))
        {
            AddRowError(user.Id, "Enter the new password.");
            return await PageAsync();
        }
        return await InTransactionAsync(user, "reset-password", async () =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return Ok(await users.ResetPasswordAsync(user, token, NewPassword), user.Id) && await EndSessionsAsync(user);
        }, $"Password of {user.UserName} reset; their open sessions end.");
    }

    private async Task<bool> EndSessionsAsync(IdentityUser user)
    {
        await sessions.EndAllAsync(user.Id, HttpContext.RequestAborted);
        return true;
    }

    /// <summary>The row's user; the create form's (empty) fields bound on every post are not this handler's concern.</summary>
    private async Task<IdentityUser?> TargetAsync()
    {
        ModelState.Clear();
        return string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
    }

    /// <summary>Runs <paramref name="change"/> and its audit row in one transaction; on failure nothing is kept.</summary>
    private async Task<IActionResult> InTransactionAsync(IdentityUser user, string what, Func<Task<bool>> change, string done)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
        if (!await change())
        {
            await transaction.RollbackAsync(HttpContext.RequestAborted);
            db.ChangeTracker.Clear();
            return await PageAsync();
        }
        var entry = audit.Describe(HttpContext, AuditActions.UserAdmin, StatusCodes.Status303SeeOther, "user", user.UserName);
        entry.Route = $"/admin/users ({what})";
        entry.At = clock.GetUtcNow();
        AuditLog.Add(db, entry);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await transaction.CommitAsync(HttpContext.RequestAborted);
        HttpContext.Items[AuditLog.WrittenItem] = true;
        Message = done;
        return new RedirectToPageResult("/Admin/Users") { PreserveMethod = false };
    }

    private List<string> CleanRoles(IEnumerable<string> roles, string key)
    {
        var clean = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        foreach (var unknown in clean.Where(r => !CareFlowRoles.All.Contains(r)))
            AddRowError(key, $"Unknown role '{unknown}'.");
        return clean;
    }

    private bool Ok(IdentityResult result, string key)
    {
        foreach (var e in result.Errors)
            AddRowError(key, e.Description);
        return result.Succeeded;
    }

    private void AddRowError(string key, string message)
    {
        RowErrors[key] = RowErrors.TryGetValue(key, out var existing) ? existing + " " + message : message;
        ModelState.AddModelError(key, message);
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(HttpContext.RequestAborted);
        var rolesById = await db.UserRoles.AsNoTracking()
            .Join(db.Roles.AsNoTracking(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(HttpContext.RequestAborted);
        var now = clock.GetUtcNow();
        Rows = all.Select(u => new Row(u,
            rolesById.Where(x => x.UserId == u.Id).Select(x => x.Name!).OrderBy(n => n, StringComparer.Ordinal).ToList(),
            u.LockoutEnd is { } end && end > now)).ToList();
    }
}
