//go:build browser

package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds the browser: $CHROMIUM, else chromium on the PATH.
func chromium(t *testing.T) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no chromium: install it (apt-get install -y chromium) or set CHROMIUM; .ci/browser.sh does both")
	return ""
}

// TestBrowser drives the real page in headless Chromium over a store built
// from the example article: search "Kaspersky", expand Eugene Kaspersky,
// click the edge from him to the FSB and find the denial's evidence
// sentence in the evidence panel. It saves a screenshot to
// $DOSSIER_SCREENSHOT (default: dossier-browser.png in the system's
// temporary folder).
func TestBrowser(t *testing.T) {
	ts := testServer(t, nil)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	const (
		eugene = `#graph g.node[data-id="per/eugene-kaspersky"]`
		edge   = `#graph g.edge[data-a="per/eugene-kaspersky"][data-b="org/federal-security-service"][data-label="deny"] circle.handle`
	)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(css(`#q`)),
		chromedp.SendKeys(css(`#q`), "Kaspersky"),
		chromedp.Click(css(`#search button`)),
		chromedp.WaitVisible(css(`#results button[data-id="per/eugene-kaspersky"]`)),
		chromedp.WaitVisible(css(eugene)),
		// Expand Eugene Kaspersky: his node is drawn expanded, with his
		// neighbours, the FSB among them.
		chromedp.Click(css(eugene+` circle`)),
		chromedp.WaitVisible(css(`#graph g.node.expanded[data-id="per/eugene-kaspersky"]`)),
		chromedp.WaitVisible(css(`#graph g.node[data-id="org/federal-security-service"]`)),
		chromedp.Click(css(edge)),
		chromedp.WaitVisible(css(`#evidence-body .card.deny`)),
		chromedp.WaitVisible(css(`#timeline li`)),
		// The ledger is read when it is opened.
		chromedp.Click(css(`#ledger-box summary`)),
		chromedp.WaitVisible(css(`#ledger[data-loaded] li`)),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	results, evidence, timeline, ledger := text(`#results`), text(`#evidence-body`), text(`#timeline`), text(`#ledger`)
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	out := os.Getenv("DOSSIER_SCREENSHOT")
	if out == "" {
		out = filepath.Join(os.TempDir(), "dossier-browser.png")
	}
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", out, len(shot))
	if !strings.Contains(results, "Kaspersky Lab") || !strings.Contains(results, "Eugene Kaspersky") {
		t.Errorf("search results: %q", results)
	}
	if !strings.Contains(evidence, denial) {
		t.Errorf("the evidence panel lacks the denial:\n%s", evidence)
	}
	if !strings.Contains(timeline, "2017-10-24") {
		t.Errorf("timeline: %.300s", timeline)
	}
	if !strings.Contains(ledger, "denied") && !strings.Contains(ledger, "no allegations") {
		t.Errorf("ledger: %.300s", ledger)
	}
}
