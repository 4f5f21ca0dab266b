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
	open := fs.Bool("open", false, "open the preview in the web browser")
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
	opt := serve.Options{Dir: dir, Bind: *bind, Port: *port, Stdout: stdout}
	if *open {
		opt.Ready = func(url string) {
			if err := openBrowser(url); err != nil {
				fmt.Fprintf(stderr, "budgetpress serve: cannot open the web browser (%v); open %s in it\n", err, url)
			}
		}
	}
	if err := serve.Run(ctx, opt); err != nil {
		fmt.Fprintf(stderr, "budgetpress serve: %v\n", err)
		return ExitError
	}
	return ExitOK
}
