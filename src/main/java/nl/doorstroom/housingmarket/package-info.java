/**
 * The social-housing market as far as permit holders are concerned: housing corporations, their stock
 * and vacancies per municipality, the share of vacancies allocated to permit holders, the regular
 * waiting list, and what a higher allocation share does to the quota and to regular seekers' waiting time.
 */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.housingmarket;
