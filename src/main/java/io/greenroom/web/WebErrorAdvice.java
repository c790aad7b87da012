package io.greenroom.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.greenroom.stream.UnknownEntityException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * Answers a person's mistakes (an unknown page, a malformed id, a tampered form, a wrong
 * method) with the styled error page and a way back, and a program's with a problem
 * detail in JSON. Requests for {@code /api/} or {@code /ome/}, and clients that do not
 * ask for HTML, get JSON. Each such mistake is one log line without a stack trace; faults
 * of Greenroom itself are left to Spring Boot, which logs them and renders the same page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrorAdvice {

	static final String VIEW_ERROR = "error";

	private static final Logger logger = LoggerFactory.getLogger(WebErrorAdvice.class);

	private static final String NOT_FOUND = "That page, app or slot does not exist. It may have been deleted.";

	@ExceptionHandler({ NotFoundException.class, UnknownEntityException.class, NoResourceFoundException.class,
			NoHandlerFoundException.class })
	ModelAndView notFound(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		logger.debug("Not found: {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return page(HttpStatus.NOT_FOUND, NOT_FOUND, request, response);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response) {
		logger.warn("Method not allowed: {} {}", request.getMethod(), request.getRequestURI());
		if (ex.getSupportedHttpMethods() != null) {
			response.setHeader(HttpHeaders.ALLOW,
					StringUtils.collectionToCommaDelimitedString(ex.getSupportedHttpMethods()));
		}
		return page(HttpStatus.METHOD_NOT_ALLOWED, "This address does not accept " + request.getMethod() + ".", request,
				response);
	}

	/**
	 * A malformed id or value in the address, a missing parameter, or a form field the
	 * page never offered (such as a row index past the table's end).
	 */
	@ExceptionHandler({ TypeMismatchException.class, ServletRequestBindingException.class,
			HttpMessageNotReadableException.class, InvalidPropertyException.class, BindException.class,
			TamperedFormException.class, HttpMediaTypeNotSupportedException.class, InvalidMediaTypeException.class })
	ModelAndView badRequest(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		logger.warn("Bad request: {} {}: {}", request.getMethod(), request.getRequestURI(), oneLine(ex));
		HttpStatusCode status = (ex instanceof ErrorResponse error) ? error.getStatusCode() : HttpStatus.BAD_REQUEST;
		return page(status, "Check the address or the form and try again.", request, response);
	}

	private static ModelAndView page(HttpStatusCode status, String message, HttpServletRequest request,
			HttpServletResponse response) {
		if (response.isCommitted()) {
			return new ModelAndView();
		}
		if (wantsHtml(request)) {
			ModelAndView view = new ModelAndView(VIEW_ERROR, status);
			view.addObject("status", status.value());
			view.addObject("message", message);
			return view;
		}
		JacksonJsonView json = new JacksonJsonView();
		json.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		ModelAndView view = new ModelAndView(json);
		view.setStatus(status);
		view.addObject("type", "about:blank");
		HttpStatus known = HttpStatus.resolve(status.value());
		view.addObject("title", (known != null) ? known.getReasonPhrase() : "Error");
		view.addObject("status", status.value());
		view.addObject("detail", message);
		view.addObject("instance", request.getRequestURI());
		return view;
	}

	/**
	 * Whether to answer with the page: yes on the dashboard's and viewers' HTML routes,
	 * unless the client's Accept header prefers JSON. OME's webhook ({@code /ome/}),
	 * {@code /api/} and endpoints that produce only JSON or events always get JSON.
	 */
	static boolean wantsHtml(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/ome/")) {
			return false;
		}
		if (request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Set<?> producible
				&& !producible.isEmpty()
				&& producible.stream()
					.noneMatch(
							(type) -> type instanceof MediaType media && media.isCompatibleWith(MediaType.TEXT_HTML))) {
			return false;
		}
		List<MediaType> accepted;
		try {
			String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
			accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
		}
		catch (InvalidMediaTypeException ex) {
			return true;
		}
		accepted.sort((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()));
		for (MediaType type : accepted) {
			if (MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
					|| MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(type) || type.isWildcardType()) {
				return true;
			}
			if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
					|| MediaType.TEXT_EVENT_STREAM.equalsTypeAndSubtype(type)) {
				return false;
			}
		}
		return true;
	}

	private static String oneLine(Exception ex) {
		String message = String.valueOf(ex.getMessage()).replaceAll("\\s+", " ");
		return ex.getClass().getSimpleName() + ": "
				+ ((message.length() > 300) ? message.substring(0, 300) + "…" : message);
	}

}
