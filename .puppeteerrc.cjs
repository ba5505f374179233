// Puppeteer (pulled in by @mermaid-js/mermaid-cli) must not download a browser of its
// own: planc uses the system's Chromium (Debian's package, installed by .ci/run).
module.exports = {
  skipDownload: true,
  executablePath: process.env.PLANC_CHROMIUM || process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
};
