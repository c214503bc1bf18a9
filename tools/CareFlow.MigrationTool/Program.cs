using CareFlow.MigrationTool;

return MigrationCommands.Run(args, Console.Out, Console.Error);
