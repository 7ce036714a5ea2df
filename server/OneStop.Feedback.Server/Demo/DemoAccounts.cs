using OneStop.Feedback.Server.Access;

namespace OneStop.Feedback.Server.Demo;

/// <summary>
/// One dashboard account per role for the demo office, with the passwords printed in the README, so a first run
/// can be explored as each role. Created only when missing; never in a non-demo start.
/// </summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<UserRequest> All =
    [
        new("quantri", "demo-quantri-2026", Roles.Admin, null, null, "Quản trị (demo)"),
        new("lanhdao", "demo-lanhdao-2026", Roles.Leader, null, null, "Lãnh đạo (demo)"),
        new("truongbadinh", "demo-truongbadinh-2026", Roles.UnitHead, "P-BADINH", null, "Trưởng bộ phận Ba Đình (demo)"),
        new("truongdonganh", "demo-truongdonganh-2026", Roles.UnitHead, "X-DONGANH", null, "Trưởng bộ phận Đông Anh (demo)"),
        new("canbo01", "demo-canbo01-2026", Roles.Officer, null, "CB-01", "Nguyễn Văn An (demo)"),
    ];

    /// <summary>Creates the demo accounts that do not exist yet; returns how many were created.</summary>
    public static int Seed(UserStore users)
    {
        var created = 0;
        foreach (var account in All)
        {
            if (users.FindByName(account.Username!) is null && users.Validate(account).Count == 0)
            {
                users.Create(account, "demo");
                created++;
            }
        }
        return created;
    }
}
