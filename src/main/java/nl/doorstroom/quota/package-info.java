/** Housing quotas per municipality and half-year: national totals, apportionment by law and by other keys and methods, carry-over, transfers. */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.quota;
