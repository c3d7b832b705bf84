// Package web turns web pages and uploaded files into corpus articles: it
// fetches pages safely (public addresses only, checked at connect time,
// bounded in size, time and redirects) and extracts the article from the
// HTML with go-readability, a port of Mozilla's Readability.
package web
