// Folio on S3 behind CloudFront: a CloudFront Function (JavaScript runtime
// 2.0) associated with the distribution's default behavior as a *viewer
// request* function. See docs/deploy.md.
//
// S3 knows nothing of "/articles/<slug> is articles/<slug>.html" or of
// directory indexes, so this maps the app's clean URLs onto the files
// folio-publish writes. Every route of the app has such a file; anything else
// misses in S3 and the distribution's custom error responses (403 and 404 ->
// /404.html with status 404) serve the pre-rendered not-found page.
// A missing /content/... file gets the same 404 status, never a 200.
//
// PREFIX is the path the site is served under: "/" at the root of the
// domain, or e.g. "/news/" (with dist/ uploaded under the key prefix news/).
var PREFIX = '/';

function handler(event) {
    var request = event.request;
    var uri = request.uri;
    if (uri + '/' === PREFIX) {
        return {
            statusCode: 301,
            statusDescription: 'Moved Permanently',
            headers: { location: { value: PREFIX } },
        };
    }
    if (uri.charAt(uri.length - 1) === '/') {
        request.uri = uri + 'index.html';
    } else if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
        request.uri = uri + '.html';
    }
    return request;
}
