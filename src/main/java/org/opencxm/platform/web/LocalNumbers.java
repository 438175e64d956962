package org.opencxm.platform.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.text.ParseException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Decimal numbers in every form follow the page's language ({@link LocalDecimalFormatter}). An
 * editor rather than a formatter, because a record's constructor binding falls back to {@code
 * new BigDecimal(text)} when a formatter refuses, which would read a German {@code 3.50} after all.
 * REST bodies are JSON and unaffected.
 */
@ControllerAdvice
class LocalNumbers {

    private static final LocalDecimalFormatter FORMAT = new LocalDecimalFormatter();

    @InitBinder
    void decimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new DecimalEditor());
    }

    private static final class DecimalEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            try {
                setValue(FORMAT.parse(text, LocaleContextHolder.getLocale()));
            } catch (ParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        @Override
        public String getAsText() {
            return getValue() instanceof BigDecimal value ? FORMAT.print(value, LocaleContextHolder.getLocale()) : "";
        }
    }
}
