package io.greenroom.web;

import io.greenroom.stream.UnknownEntityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns "that app or slot does not exist" into a 404 page instead of a stack trace.
 */
@ControllerAdvice
class WebErrorAdvice {

	private static final Logger logger = LoggerFactory.getLogger(WebErrorAdvice.class);

	@ExceptionHandler({ NotFoundException.class, UnknownEntityException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound(RuntimeException ex) {
		logger.debug("Not found: {}", ex.getMessage());
		ModelAndView view = new ModelAndView("error");
		view.addObject("status", 404);
		view.addObject("message", "That page, app or slot does not exist. It may have been deleted.");
		return view;
	}

}
