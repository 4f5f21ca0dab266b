package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"budgetpress/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	port := fs.Int("port", serve.DefaultPort, "port to listen on")
	bind := fs.String("bind", "127.0.0.1", "address to listen on; any other than 127.0.0.1 lets other machines see the preview")
	dir, code, ok := siteDir(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "budgetpress serve: --port %d is not a port: use 1 to 65535\n", *port)
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve.Run(ctx, serve.Options{Dir: dir, Bind: *bind, Port: *port, Stdout: stdout}); err != nil {
		fmt.Fprintf(stderr, "budgetpress serve: %v\n", err)
		return ExitError
	}
	return ExitOK
}
