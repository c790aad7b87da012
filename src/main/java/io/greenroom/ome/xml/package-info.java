/**
 * JAXB model of OME's {@code Server.xml} (version 8, OME 0.19 and 0.20). Every class and
 * element is named exactly like OME's own element; only what Greenroom emits is modelled.
 * A {@code null} field is left out of the file.
 */
@NullMarked
@XmlAccessorType(XmlAccessType.FIELD)
package io.greenroom.ome.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import org.jspecify.annotations.NullMarked;
