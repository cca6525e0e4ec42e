using System.Text;

namespace Exemplar.Cli;

public static class CliProgram
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return EvaluateCommand.Run(args, Console.Out, Console.Error);
    }
}
