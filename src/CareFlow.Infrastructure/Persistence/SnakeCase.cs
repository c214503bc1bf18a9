using System.Text;

namespace CareFlow.Infrastructure.Persistence;

/// <summary>"WorkflowInstanceId" → "workflow_instance_id", "IPAddress" → "ip_address", "Owner_Street" → "owner_street".</summary>
public static class SnakeCase
{
    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_'
                && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
