/** Renders tables and letters for download (CSV, XLSX, PDF). */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.doorstroom.documents;
