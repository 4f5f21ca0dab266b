package cli

import (
	"os/exec"
	"runtime"
)

// opener returns the command that opens url in the default browser of
// the operating system goos.
func opener(goos, url string) []string {
	switch goos {
	case "windows":
		// rundll32 opens the address itself; "cmd /c start" would read
		// the & of a query string as a command separator.
		return []string{"rundll32", "url.dll,FileProtocolHandler", url}
	case "darwin":
		return []string{"open", url}
	}
	return []string{"xdg-open", url}
}

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string) error {
	args := opener(runtime.GOOS, url)
	cmd := exec.Command(args[0], args[1:]...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser outlives the opener
	return nil
}
